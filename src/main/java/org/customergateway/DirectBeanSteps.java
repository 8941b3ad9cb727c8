package org.customergateway;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.BeanScope;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.BeanProcessorFactory;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.MessageHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The routes' {@code bean:} steps, called directly when the method takes the Exchange (or its message)
 * and nothing else, as every step of a customer's way does (the API key's check, CustomersEndpoint,
 * FileDrop, QueueEndpoint, DispatchLedger, OutcomeRecords, the vendors' requests and answers). Camel's
 * bean binding works the method's arguments out again at every call and calls it by reflection, each
 * method through a generated accessor of its own: about 0.3 % of a create's CPU per step, some 16 steps a
 * create, and an eighth of the compiler's work in a file drop (BENCHMARKS.md, session 14). The routes
 * read the same; only the call is cheaper.
 * <p>
 * A step is called directly when it names a bean ({@code ref}, or a {@code beanType}'s static method)
 * and its method by name alone, and exactly one public method has that name, with no parameter or one, the
 * {@code Exchange} or a {@code Message} (the in message, as Camel binds it), no Camel annotation, and an
 * answer Camel would not treat specially (a Callable, a Future, or an Object, which might hold one). Its
 * answer becomes the message body as Camel's bean step would make it ({@link #answer}); what it throws
 * fails the exchange, as Camel's would. Any other step goes to Camel's own bean binding, unchanged.
 * <p>
 * A method that answers a {@code CompletionStage} is an asynchronous step, as with Camel's binding: the
 * route goes on when the stage completes, on the thread that completes it (the step's method chooses
 * which: {@code Continuations}), its value the body unless null. One thing differs, on purpose: a stage
 * that failed with Java's {@code CompletionException} fails the exchange with the exception inside it,
 * the one the method's own code threw, as a plain step's would; Camel's binding keeps the wrapper, under
 * which a route's {@code onException} and the HTTP problems would no longer know the failure.
 */
public final class DirectBeanSteps extends ServiceSupport implements BeanProcessorFactory {

    private static final MethodType VOID_STEP = MethodType.methodType(void.class, Object.class, Exchange.class);
    private static final MethodType VALUE_STEP = MethodType.methodType(Object.class, Object.class, Exchange.class);
    /** A Message parameter is the exchange's in message, as Camel binds it. */
    private static final MethodHandle IN_MESSAGE;

    static {
        try {
            IN_MESSAGE = MethodHandles.publicLookup().findVirtual(Exchange.class, "getIn", MethodType.methodType(Message.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Return types whose value Camel's bean step would call, wait for or look into before it becomes the
     * body; a step answering {@code CompletionStage} itself (the interface) is an {@link AsyncStep}.
     */
    private static final List<Class<?>> SPECIAL_ANSWERS = List.of(Callable.class, Future.class);

    /** Camel's own factory, for every other step; started and stopped with this one, which Camel now manages. */
    private final BeanProcessorFactory camels;

    private DirectBeanSteps(BeanProcessorFactory camels) {
        this.camels = camels;
    }

    /** Before any route is made: the routes' bean steps are made by this factory from then on. */
    public static void install(CamelContext camelContext) {
        camelContext.getCamelContextExtension().addContextPlugin(BeanProcessorFactory.class,
                new DirectBeanSteps(PluginHelper.getBeanProcessorFactory(camelContext)));
    }

    @Override
    public Processor createBeanProcessor(CamelContext context, Object bean, Method method) throws Exception {
        return camels.createBeanProcessor(context, bean, method);
    }

    @Override
    public Processor createBeanProcessor(CamelContext context, Object bean, String beanType, Class<?> beanClass,
            String ref, String method, BeanScope scope) throws Exception {
        Processor direct = scope == BeanScope.Singleton && bean == null && method != null
                ? direct(context, ref, beanType, beanClass, method) : null;
        return direct != null ? direct : camels.createBeanProcessor(context, bean, beanType, beanClass, ref, method, scope);
    }

    private static Processor direct(CamelContext context, String ref, String beanType, Class<?> beanClass, String methodName)
            throws Exception {
        boolean byRef = ref != null && !ref.isEmpty();
        if (!byRef && beanType == null && beanClass == null) {
            return null;
        }
        Object target = byRef ? CamelContextHelper.mandatoryLookup(context, ref) : null;
        Class<?> type = byRef ? target.getClass()
                : beanClass != null ? beanClass : context.getClassResolver().resolveMandatoryClass(beanType);
        Method method = onlyExchangeMethod(type, methodName, !byRef);
        if (method == null) {
            return null;
        }
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException notPublicEnough) {
            return null;
        }
        if (Modifier.isStatic(method.getModifiers())) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class);
        }
        if (method.getParameterCount() == 0) {
            handle = MethodHandles.dropArguments(handle, 1, Exchange.class);
        } else if (method.getParameterTypes()[0] == Message.class) {
            handle = MethodHandles.filterArguments(handle, 1, IN_MESSAGE);
        }
        String name = (byRef ? ref : type.getSimpleName()) + "." + methodName;
        if (method.getReturnType() == void.class) {
            return new VoidStep(name, target, handle.asType(VOID_STEP));
        }
        return method.getReturnType() == CompletionStage.class
                ? new AsyncStep(name, target, handle.asType(VALUE_STEP))
                : new ValueStep(name, target, handle.asType(VALUE_STEP));
    }

    /** The one public method of that name, when it takes nothing, or the Exchange or its message alone, and answers plainly; else null. */
    private static Method onlyExchangeMethod(Class<?> type, String name, boolean isStatic) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return null;
        }
        List<Method> named = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
        if (named.size() != 1) {
            return null;
        }
        Method method = named.get(0);
        boolean plain = Modifier.isStatic(method.getModifiers()) == isStatic
                && (method.getParameterCount() == 0 || method.getParameterCount() == 1
                        && (method.getParameterTypes()[0] == Exchange.class || method.getParameterTypes()[0] == Message.class))
                && Arrays.stream(method.getAnnotations()).noneMatch(DirectBeanSteps::isCamels)
                && method.getReturnType() != Object.class
                && SPECIAL_ANSWERS.stream().noneMatch(special -> special.isAssignableFrom(method.getReturnType()))
                && (method.getReturnType() == CompletionStage.class
                        || !CompletionStage.class.isAssignableFrom(method.getReturnType()));
        return plain ? method : null;
    }

    private static boolean isCamels(Annotation annotation) {
        return annotation.annotationType().getName().startsWith("org.apache.camel.");
    }

    /**
     * What Camel's bean step does with a method's answer (camel-bean's MethodInfo): it becomes the body, a
     * null answer too; of the out message, with the in message's headers, when the exchange expects an
     * answer; and on a plain message, so that no message of a component (a file's, a JMS message) travels
     * on with a body it did not bring.
     */
    @SuppressWarnings("deprecation")
    private static void answer(Exchange exchange, Object result) {
        boolean out = exchange.hasOut() || ExchangeHelper.isOutCapable(exchange);
        Message old;
        if (out) {
            old = exchange.getOut();
            old.getHeaders().putAll(exchange.getIn().getHeaders());
        } else {
            old = exchange.getIn();
        }
        if (old.getClass() == DefaultMessage.class) {
            old.setBody(result);
        } else {
            Message plain = new DefaultMessage(exchange.getContext());
            plain.copyFromWithNewBody(old, result);
            ExchangeHelper.replaceMessage(exchange, plain, false);
        }
    }

    /** A bean step whose method answers nothing. */
    private record VoidStep(String name, Object bean, MethodHandle method) implements Processor {
        @Override
        public void process(Exchange exchange) {
            MessageHelper.resetStreamCache(exchange.getIn());
            try {
                method.invokeExact(bean, exchange);
            } catch (Throwable failure) {
                exchange.setException(failure);
            }
        }

        @Override
        public String toString() {
            return "bean:" + name;
        }
    }

    /** A bean step whose method's answer becomes the body. */
    private record ValueStep(String name, Object bean, MethodHandle method) implements Processor {
        @Override
        public void process(Exchange exchange) {
            MessageHelper.resetStreamCache(exchange.getIn());
            Object result;
            try {
                result = (Object) method.invokeExact(bean, exchange);
            } catch (Throwable failure) {
                exchange.setException(failure);
                return;
            }
            answer(exchange, result);
        }

        @Override
        public String toString() {
            return "bean:" + name;
        }
    }

    /**
     * A bean step whose method answers a CompletionStage: the route goes on when it completes, its value the
     * body unless null, a failure the exchange's (unwrapped from Java's CompletionException).
     */
    private static final class AsyncStep extends AsyncProcessorSupport {
        private final String name;
        private final Object bean;
        private final MethodHandle method;

        AsyncStep(String name, Object bean, MethodHandle method) {
            this.name = name;
            this.bean = bean;
            this.method = method;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            MessageHelper.resetStreamCache(exchange.getIn());
            CompletableFuture<?> stage;
            try {
                Object answer = (Object) method.invokeExact(bean, exchange);
                stage = ((CompletionStage<?>) answer).toCompletableFuture();
            } catch (Throwable failure) {
                exchange.setException(failure);
                callback.done(true);
                return true;
            }
            if (stage.isDone()) {
                // done already (nothing to wait for): the route goes on on this thread, as for a plain step
                try {
                    end(exchange, stage.join(), null);
                } catch (CompletionException | java.util.concurrent.CancellationException failed) {
                    end(exchange, null, failed);
                }
                callback.done(true);
                return true;
            }
            stage.whenComplete((value, failure) -> {
                end(exchange, value, failure);
                callback.done(false);
            });
            return false;
        }

        private static void end(Exchange exchange, Object value, Throwable failure) {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else if (value != null) {
                answer(exchange, value);
            }
        }

        @Override
        public String toString() {
            return "bean:" + name;
        }
    }

    @Override
    protected void doInit() throws Exception {
        ServiceHelper.initService(camels);
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(camels);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(camels);
    }
}
