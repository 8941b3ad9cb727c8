package org.customergateway.esb;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.util.function.Supplier;

/**
 * The broker's connection factory, made when something first connects: with the queue entry off (and no
 * route of one's own on {@code jms:}), the broker's client is never loaded, a sixth of a second of a
 * start (BENCHMARKS.md). Whoever connects gets the configured broker, as before.
 */
public final class LazyConnectionFactory implements ConnectionFactory {

    private final Supplier<ConnectionFactory> make;
    private volatile ConnectionFactory made;

    public LazyConnectionFactory(Supplier<ConnectionFactory> make) {
        this.make = make;
    }

    private ConnectionFactory target() {
        ConnectionFactory factory = made;
        if (factory == null) {
            synchronized (this) {
                if (made == null) {
                    made = make.get();
                }
                factory = made;
            }
        }
        return factory;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return target().createConnection();
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return target().createConnection(userName, password);
    }

    @Override
    public JMSContext createContext() {
        return target().createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return target().createContext(userName, password);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return target().createContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return target().createContext(sessionMode);
    }
}
