package org.peersupport.portal.portfolio.boundary;

/** A file's name as uploaded, its type as detected from its content, and its size in bytes. */
public record FileInfo(String fileName, String mediaType, long size) {
}
