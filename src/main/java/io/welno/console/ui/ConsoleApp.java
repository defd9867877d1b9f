package io.welno.console.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The console window. (The full UI lands with the console issue; this opens the window.) */
public final class ConsoleApp extends Application {

    private static boolean smokeTest;

    public static void launchApp(boolean smoke) {
        smokeTest = smoke;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("WELNO Session Console");
        stage.setScene(new Scene(new StackPane(new Label("WELNO Session Console")), 1280, 800));
        stage.show();
        if (smokeTest) {
            Platform.runLater(Platform::exit);
        }
    }
}
