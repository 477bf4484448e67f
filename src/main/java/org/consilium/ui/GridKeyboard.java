package org.consilium.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * Rows that open something on click open it with Enter too. Vaadin's grid sends a row click only for the mouse;
 * with this, Enter on a focused body cell clicks it, so keyboard users reach the same screens (WCAG 2.1.1).
 * Enter on a button or link inside a cell keeps its own meaning.
 */
public final class GridKeyboard {

    private GridKeyboard() {
    }

    public static void openRowsWithEnter(Grid<?> grid) {
        grid.getElement().executeJs("""
                this.addEventListener('keydown', e => {
                  const cell = e.composedPath()[0];
                  if (e.key === 'Enter' && cell.localName === 'td' && cell.parentElement
                      && cell.parentElement.parentElement && cell.parentElement.parentElement.id === 'items'
                      && cell._content) {
                    cell._content.click();
                  }
                });""");
    }
}
