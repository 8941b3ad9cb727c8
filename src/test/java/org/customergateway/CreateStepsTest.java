package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.bean.BeanProcessor;
import org.apache.camel.Navigate;
import org.apache.camel.Route;
import org.customergateway.http.AsyncHttpEngine;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every bean step a customer passes on its way to a vendor and back, from each way in, is called
 * directly (DirectBeanSteps), not through Camel's bean binding: a step whose method changes its
 * signature (a second parameter, a bound header) would bring the binding's cost back unnoticed. Only
 * steps on no customer's way are left to the binding: the passthrough's, which name their vendor as an
 * argument in the route, and the SimplePin tables' install, once at start. The steps are found in the
 * running routes, through every step that holds others (a doTry's doFinally too); the error handlers'
 * own steps (a route configuration's onException) are not among them.
 */
class CreateStepsTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();

    @Test
    void every_bean_step_on_a_customers_way_is_called_directly_not_through_camels_bean_binding() {
        CamelContext camel = SETUP.gateway().context();
        List<String> bound = new ArrayList<>();
        int steps = 0;
        for (Route route : camel.getRoutes()) {
            for (Processor processor : processors(route.navigate(), new ArrayList<>())) {
                if (processor instanceof BeanProcessor bean) {
                    bound.add(route.getRouteId() + ": " + bean.getMethod());
                }
                String name = processor.toString();
                steps += name != null && name.startsWith("bean:") ? 1 : 0;
            }
        }
        assertThat(steps).as("the bean steps called directly, found in the routes").isGreaterThan(100);
        assertThat(bound).containsExactlyInAnyOrder("simplepin-tables-source: install",
                "simplepin-passthrough-http: request(*, 'simplepin')", "simplepin-passthrough-http: refused(*, 'simplepin')",
                "simplepin-passthrough-http: unreachable(*, 'simplepin')", "syntch-passthrough-http: request(*, 'syntch')",
                "syntch-passthrough-http: refused(*, 'syntch')", "syntch-passthrough-http: unreachable(*, 'syntch')");
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
                .extracting(Route::getRouteId).containsExactlyInAnyOrderElementsOf(GatewayMain.CREATES);
    }

    /** Every processor of a route, through the steps that hold others (pipelines, choices, doTry, splits, ...). */
    private static List<Processor> processors(Navigate<Processor> node, List<Processor> found) {
        if (node != null && node.hasNext()) {
            for (Processor next : node.next()) {
                found.add(next);
                if (next instanceof Navigate<?> holder) {
                    @SuppressWarnings("unchecked")
                    Navigate<Processor> held = (Navigate<Processor>) holder;
                    processors(held, found);
                }
            }
        }
        return found;
    }
}
