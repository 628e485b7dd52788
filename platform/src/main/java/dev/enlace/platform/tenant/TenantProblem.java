package dev.enlace.platform.tenant;

/**
 * Something wrong with a tenant document, phrased for the person who edits it.
 *
 * @param file    the document's file name (or the directory, when it cannot be listed)
 * @param field   the field's path, e.g. {@code erp.credentials.accessToken}; null when the problem concerns
 *                the whole file
 * @param message what is wrong; never contains a secret value
 */
public record TenantProblem(String file, String field, String message) {

    /** E.g. {@code demo.yaml: erp.credentials.accessToken: must be env:NAME or file:PATH}. */
    @Override
    public String toString() {
        return field == null ? file + ": " + message : file + ": " + field + ": " + message;
    }
}
