package org.consilium.perf.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.consilium.agreement.AgreementRenderer;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Times the agreement PDFs inside the portal's own calls: the renderer bean is wrapped in a proxy that sums the
 * time of each render (the agreement when staff generate it, the signature page when the second signature
 * executes it). Not a stereotype: the benchmark's contexts import it.
 */
public class PdfTimer {

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
                        LongAdder[] f = RENDERS.computeIfAbsent(invocation.getMethod().getName(),
                                m -> new LongAdder[] {new LongAdder(), new LongAdder()});
                        f[0].increment();
                        f[1].add(System.nanoTime() - start);
                    }
                });
                return proxy.getProxy(AgreementRenderer.class.getClassLoader());
            }
        };
    }

    static void reset() {
        RENDERS.clear();
    }

    /** Per renderer method (renderAgreement, renderSignaturePage) since the last reset. */
    static Map<String, Renders> renders() {
        Map<String, Renders> out = new java.util.TreeMap<>();
        RENDERS.forEach((method, f) -> out.put(method, new Renders(f[0].sum(), f[1].sum())));
        return out;
    }

    static long totalNanos() {
        return RENDERS.values().stream().mapToLong(f -> f[1].sum()).sum();
    }
}
