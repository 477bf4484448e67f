package org.consilium.proposal;

/** Makes an uploaded file's name safe to keep and to show: no path, no control characters, bounded length. */
final class FileNames {

    private static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String clean(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        // Control characters and the bidirectional controls (the right-to-left override would make "fdp.exe"
        // look like "exe.pdf") become underscores, as do characters file systems refuse. Joiners stay: emoji need them.
        base = base.replaceAll("[\\p{Cntrl}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\"<>|:*?]", "_").strip();
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            base = "document.pdf";
        }
        if (base.length() > MAX_LENGTH) {
            int dot = base.lastIndexOf('.');
            String extension = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            int keep = MAX_LENGTH - extension.length();
            if (Character.isHighSurrogate(base.charAt(keep - 1))) {
                keep--; // never half a character
            }
            base = base.substring(0, keep) + extension;
        }
        return base;
    }
}
