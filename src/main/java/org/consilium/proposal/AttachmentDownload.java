package org.consilium.proposal;

import java.io.InputStream;
import java.util.function.Supplier;

/** A permitted download: the stream is opened only when the bytes are sent. */
public record AttachmentDownload(String fileName, long sizeBytes, Supplier<InputStream> content) {
}
