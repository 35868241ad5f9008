package org.peersupport.portal.course.control;

/** Rules for file paths inside a course package, shared by the manifest and ZIP entries. */
final class PackagePaths {

    static final int MAX_LENGTH = 255;

    private PackagePaths() {
    }

    /**
     * Why a path written in a package is not acceptable, as the end of a sentence beginning
     * "The path ... ", or {@code null} when it is a plain relative path that stays inside the package.
     */
    static String problemWith(String path) {
        if (path.isBlank()) {
            return "is empty";
        }
        if (path.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
        }
        if (path.indexOf('\\') >= 0) {
            return "uses '\\'; use '/' between folder names";
        }
        if (path.startsWith("/")) {
            return "starts with '/'; write paths relative to the package folder";
        }
        if (path.length() > 1 && path.charAt(1) == ':') {
            return "starts with a drive letter; write paths relative to the package folder";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "has an empty folder name ('//' or a '/' at the end)";
            }
            if (segment.equals("..") || segment.equals(".")) {
                return "uses '" + segment + "', which could point outside the package folder";
            }
        }
        return null;
    }
}
