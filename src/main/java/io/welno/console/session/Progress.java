package io.welno.console.session;

/** The five flags of {@code progress}; a missing flag reads as false, as it does for the backend. */
public record Progress(boolean authRequested, boolean authCompleted, boolean healthDataFetched,
                       boolean prescriptionDataFetched, boolean completed) {

    public static final Progress NONE = new Progress(false, false, false, false, false);

    public static final String AUTH_REQUESTED = "auth_requested";
    public static final String AUTH_COMPLETED = "auth_completed";
    public static final String HEALTH_DATA_FETCHED = "health_data_fetched";
    public static final String PRESCRIPTION_DATA_FETCHED = "prescription_data_fetched";
    public static final String COMPLETED = "completed";
}
