package org.consilium.ui;

import com.vaadin.flow.component.Component;

/** Something a feature puts in the header of every signed-in page (for example the notification bell). */
public interface HeaderWidget {

    Component create();
}
