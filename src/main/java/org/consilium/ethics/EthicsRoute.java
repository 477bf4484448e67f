package org.consilium.ethics;

/** Chosen by the decision table ethics-route from the data requested. */
public enum EthicsRoute {
    EXPEDITED, FULL
}
