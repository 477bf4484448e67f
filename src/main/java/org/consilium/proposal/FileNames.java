package org.consilium.proposal;

/** Makes an uploaded file's name safe to keep and to show: no path, no control characters, bounded length. */
final class FileNames {

    private static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String clean(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            base = "document.pdf";
        }
        if (base.length() > MAX_LENGTH) {
            int dot = base.lastIndexOf('.');
            String extension = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return base;
    }
}
