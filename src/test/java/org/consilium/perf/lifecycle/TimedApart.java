package org.consilium.perf.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.consilium.agreement.AgreementRenderer;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Times what the benchmark reports apart, inside the portal's own calls: the agreement PDFs (the renderer bean
 * is wrapped in a proxy that sums the time of each of its calls: the agreement when staff generate it; the
 * signature page, and the executed agreement assembled from the signed PDF and that page, when the second signature
 * executes it) and the password checks (the password encoder's {@code matches}:
 * the bcrypt hash of the password each signer enters again). Not a stereotype: the benchmark's contexts import it.
 */
public class TimedApart {

    record Renders(long count, long nanos) {
    }

    private static final Map<String, LongAdder[]> RENDERS = new ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor timedAgreementRenderer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof AgreementRenderer)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    long start = System.nanoTime();
                    try {
                        return invocation.proceed();
                    } finally {
                        add(invocation.getMethod().getName(), System.nanoTime() - start);
                    }
                });
                return proxy.getProxy(AgreementRenderer.class.getClassLoader());
            }
        };
    }

    /** The key of the password checks among the timings. */
    static final String PASSWORD_CHECK = "matches";

    @Bean
    static BeanPostProcessor timedPasswordChecks() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof PasswordEncoder encoder)) {
                    return bean;
                }
                return new PasswordEncoder() {
                    @Override
                    public String encode(CharSequence raw) {
                        return encoder.encode(raw);
                    }

                    @Override
                    public boolean matches(CharSequence raw, String encoded) {
                        long start = System.nanoTime();
                        try {
                            return encoder.matches(raw, encoded);
                        } finally {
                            add(PASSWORD_CHECK, System.nanoTime() - start);
                        }
                    }

                    @Override
                    public boolean upgradeEncoding(String encoded) {
                        return encoder.upgradeEncoding(encoded);
                    }
                };
            }
        };
    }

    private static void add(String key, long nanos) {
        LongAdder[] f = RENDERS.computeIfAbsent(key, m -> new LongAdder[] {new LongAdder(), new LongAdder()});
        f[0].increment();
        f[1].add(nanos);
    }

    static void reset() {
        RENDERS.clear();
    }

    /** Per renderer method (renderAgreement, renderSignaturePage, assembleExecutedAgreement) and the password checks since the last reset. */
    static Map<String, Renders> renders() {
        Map<String, Renders> out = new java.util.TreeMap<>();
        RENDERS.forEach((method, f) -> out.put(method, new Renders(f[0].sum(), f[1].sum())));
        return out;
    }
}
