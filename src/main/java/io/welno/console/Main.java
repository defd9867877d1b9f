package io.welno.console;

public final class Main {
    public static void main(String[] args) {
        System.out.println("welno-console");
    }
}
