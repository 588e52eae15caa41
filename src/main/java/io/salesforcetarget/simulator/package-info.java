/**
 * A simulated Salesforce org for end-to-end tests, the benchmark and the {@code --simulator-only} mode.
 *
 * <p>One HTTP server on 127.0.0.1 is both login host and instance ({@code instance_url} = base URL):
 * <ul>
 * <li>{@code POST /services/oauth2/token}: JWT bearer login, the assertion really verified (RS256 against the
 * configured certificate, iss, sub/prn, aud, exp); Salesforce's own OAuth errors.</li>
 * <li>{@code /services/data[/vNN.0/...]}: versions, resources, limits, describe, sObject CRUD and upsert,
 * a small SOQL subset; Salesforce's status codes, error arrays and {@code Sforce-Limit-Info} header.</li>
 * <li>{@code /__admin/}: faults ({@code POST/GET/DELETE faults}), {@code POST sessions/expire},
 * {@code POST sessions/revoke}, {@code GET counters}, {@code GET/DELETE requests},
 * {@code GET records/{Type}}, {@code POST reset}.</li>
 * </ul>
 * Entry points: {@link io.salesforcetarget.simulator.SalesforceSimulator#start} and
 * {@link io.salesforcetarget.simulator.SimulatorMain}. Behaviour is taken from the shared
 * "Salesforce wire behaviour" reference; where it was uncertain, the class comments say what was chosen.
 */
package io.salesforcetarget.simulator;
