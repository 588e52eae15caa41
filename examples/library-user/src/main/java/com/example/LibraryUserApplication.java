package com.example;

import org.apache.camel.main.Main;

import io.salesforcetarget.salesforce.SalesforceLibrary;

/** A camel-main application that reuses the Salesforce call of salesforce-target as a library. */
public final class LibraryUserApplication {

    private LibraryUserApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new SalesforceLibrary()); // direct:salesforce-apicall and the login
        main.configure().addRoutesBuilder(new NewCustomerRoute());     // your routes
        main.run(args);
    }
}
