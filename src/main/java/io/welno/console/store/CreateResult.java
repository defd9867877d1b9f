package io.welno.console.store;

/** Outcome of {@link SessionStore#create}. */
public enum CreateResult {
    CREATED, ALREADY_EXISTS
}
