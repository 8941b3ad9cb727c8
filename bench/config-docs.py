#!/usr/bin/env python3
# Writes docs/configuration.md from the properties files and their comments (run from the project root).
import os
import re
def parse(path):
    rows=[]; comment=[]; section=None; intro={}
    lines=open(path).read().split('\n')
    i=0
    while i<len(lines):
        line=lines[i]
        if line.startswith('## '):
            section=line[3:].strip(); comment=[]
            i+=1; continue
        if line.startswith('#'):
            comment.append(line.lstrip('#').strip())
        elif not line.strip():
            comment=[]
        elif '=' in line:
            k,v=line.split('=',1)
            rows.append((section,k.strip(),v.strip(),' '.join(c for c in comment if c)))
            comment=[]
        i+=1
    return rows
out=['# Configuration','',
'Every key, its default and why. The defaults live once, in `src/main/resources/application.properties`',
'(and the two profile files, at the end); every key can be overridden by `-Dkey=value` or by an',
'environment variable in upper snake case (`gateway.syntch.base-url` is `GATEWAY_SYNTCH_BASE_URL`). This',
'page is made from those files\' own comments (`python3 bench/config-docs.py`); a test',
'(`ConfigurationDocsTest`) fails when a key there is missing here. A key without a sentence of its own',
'belongs with the sentence above it.','',
'Keys under `camel.` are Camel\'s own (camel-main, platform-http, management, metrics), set here for the',
'gateway; those under `gateway.` are the gateway\'s (the circuit breakers, `gateway.circuit-breaker.`, are',
'kept by the steps of `routes/<vendor>-call.camel.yaml`).']
def code(text):
    # the keys and Camel URIs a sentence names, in code type as the rest of the docs write them
    return re.sub(r'(?<![`\w])((?:gateway|camel)\.[a-z0-9<>.*-]*[a-z0-9>*]|direct:[a-z-]+)', r'`\1`', text)
rows=parse('src/main/resources/application.properties')
sec=None
for s,k,v,c in rows:
    if s!=sec:
        out+=['','## '+(s or 'General'),'','| key | default | what and why |','|---|---|---|']; sec=s
    out.append('| `%s` | %s | %s |'%(k, ('`%s`'%v.replace('|','\\|')) if v else '(empty)', code(c.replace('|','\\|'))))
for prof in ['sandbox','prod']:
    rows=parse('src/main/resources/application-%s.properties'%prof)
    out+=['','## Profile `%s` (`camel.main.profile=%s`)'%(prof,prof),'','| key | value | why |','|---|---|---|']
    for s,k,v,c in rows:
        out.append('| `%s` | %s | %s |'%(k, ('`%s`'%v.replace('|','\\|')) if v else '(empty)', code(c.replace('|','\\|'))))
os.makedirs('docs',exist_ok=True)
open('docs/configuration.md','w').write('\n'.join(out)+'\n')
