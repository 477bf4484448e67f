package org.consilium.perf;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * What a perf context adds to the portal: statement counting on its DataSource. Not a stereotype, so
 * component scanning never picks it up; perf contexts import it explicitly.
 */
public class PerfBeans {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return SqlCounter.wrapDataSource();
    }
}
