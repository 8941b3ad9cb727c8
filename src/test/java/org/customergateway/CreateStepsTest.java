package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.bean.BeanProcessor;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.customergateway.http.AsyncHttpEngine;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every bean step a customer passes on its way to a vendor and back, from each way in, is called
 * directly (DirectBeanSteps), not through Camel's bean binding: a step whose method changes its
 * signature (a second parameter, a bound header) would bring the binding's cost back unnoticed. Only
 * two steps, neither on a customer's way, are left to the binding: the passthrough's, which names its
 * vendor as an argument in the route, and the SimplePin tables' install, once at start.
 */
class CreateStepsTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();

    @Test
    void every_bean_step_on_a_customers_way_is_called_directly_not_through_camels_bean_binding() {
        CamelContext camel = SETUP.gateway().context();
        List<String> bound = new ArrayList<>();
        for (RouteDefinition route : ((ModelCamelContext) camel).getRouteDefinitions()) {
            for (BeanDefinition step : beanSteps(route.getOutputs(), new ArrayList<>())) {
                Processor processor = camel.getProcessor(step.getId());
                if (processor instanceof BeanProcessor) {
                    bound.add(route.getRouteId() + ": " + step.getRef() + "." + step.getMethod());
                }
            }
        }
        assertThat(bound).containsExactlyInAnyOrder("simplepin-passthrough-http: vendorPassthrough.request(*, 'simplepin')",
                "syntch-passthrough-http: vendorPassthrough.request(*, 'syntch')", "simplepin-tables-source: simplePinTables.install");
    }

    /** AsyncHttpEngine starts these on the request's event loop, by route id: a renamed route would lose it unnoticed. */
    @Test
    void the_creates_and_only_they_start_on_the_event_loop() {
        CamelContext camel = SETUP.gateway().context();
        assertThat(GatewayMain.CREATES).isNotEmpty().allSatisfy(id -> {
            assertThat(camel.getRoute(id)).as(id).isNotNull();
            assertThat(AsyncHttpEngine.startsOnTheEventLoop(camel.getRoute(id))).as(id).isTrue();
        });
        // a look-up reads the ledger before anything else: a worker starts it
        assertThat(AsyncHttpEngine.startsOnTheEventLoop(camel.getRoute("customer-lookup-http"))).isFalse();
        assertThat(camel.getRoutes()).filteredOn(AsyncHttpEngine::startsOnTheEventLoop)
                .extracting(org.apache.camel.Route::getRouteId).containsExactlyInAnyOrderElementsOf(GatewayMain.CREATES);
    }

    private static List<BeanDefinition> beanSteps(List<ProcessorDefinition<?>> outputs, List<BeanDefinition> found) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof BeanDefinition bean) {
                found.add(bean);
            }
            beanSteps(output.getOutputs(), found);
        }
        return found;
    }
}
