package io.htapsync.sandbox.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in dataset: a few instances whose tasks cover every stage, catch-ups in progress and
 * absent, and one instance with more tasks than fit on two capped pages; and two instances whose
 * tasks move over time ({@link #simulatedInstances()}).
 */
public final class DemoData {

    /** Project owning the first three instances. */
    public static final String PROJECT_ID = "2f6b0c9d8e7a41b3a5c4d6e8f0a1b2c3";
    /** Project owning {@link #LEGACY_INSTANCE_ID}. */
    public static final String OTHER_PROJECT_ID = "7d3e5f1a9c8b40e2b6d4f8a0c2e4a6b8";

    /** Seven tasks: every documented stage, catch-ups running and absent. */
    public static final String SALES_INSTANCE_ID = "a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07";
    /** {@value #WAREHOUSE_TASK_COUNT} tasks, so paging (and the 50-per-page cap) is visible. */
    public static final String WAREHOUSE_INSTANCE_ID = "5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin17";
    /** An instance without synchronization tasks. */
    public static final String EMPTY_INSTANCE_ID = "e8d6c4b2a0f94e7d8c6b4a2f0e8d6c4bin17";
    /** One task shaped like the vendor reference page's example, in {@link #OTHER_PROJECT_ID}. */
    public static final String LEGACY_INSTANCE_ID = "0123456789abcdef0123456789abcdefin07";

    /** Simulated: four tasks that all reach synced 9 to 18 s after the start at speed 1. */
    public static final String PROGRESSING_INSTANCE_ID = "36bbdbf2e559149fa9d72cc3d2540bd4in07";
    /** Simulated: one task reaches synced, one stalls part way through its full sync, one is paused. */
    public static final String TROUBLED_INSTANCE_ID = "6cd158983467131203657fe56677a669in07";
    /** The default seed of simulated progress. */
    public static final long PROGRESS_SEED = 20260301L;

    public static final int WAREHOUSE_TASK_COUNT = 123;

    private static final String[] WAREHOUSE_STAGES = {
        "incremental", "incremental", "full", "incremental", "wait", "incremental", "paused", "incremental",
        "cancelled", "incremental"
    };

    private DemoData() {
    }

    /** A fresh copy of the demo instances. */
    public static List<StarRocksInstance> instances() {
        return List.of(
                new StarRocksInstance(PROJECT_ID, SALES_INSTANCE_ID, null, salesTasks()),
                new StarRocksInstance(PROJECT_ID, WAREHOUSE_INSTANCE_ID, null, warehouseTasks()),
                new StarRocksInstance(PROJECT_ID, EMPTY_INSTANCE_ID, null, List.of()),
                new StarRocksInstance(OTHER_PROJECT_ID, LEGACY_INSTANCE_ID, null, List.of(
                        ReplicationTask.builder("task_name", "source_database", "target_database")
                                .stage("incremental").percentage("100").catchup(null, "0").build())));
    }

    /** A fresh copy of the demo instances whose tasks move over time, both in {@link #PROJECT_ID}. */
    public static List<SimulatedInstance> simulatedInstances() {
        return List.of(
                new SimulatedInstance(PROJECT_ID, PROGRESSING_INSTANCE_ID, List.of(
                        TaskScript.reachesSynced("shipments_to_starrocks", "logistics", "logistics_olap").asMainTask(),
                        TaskScript.reachesSynced("tracking_to_starrocks", "tracking", "tracking_olap"),
                        TaskScript.reachesSynced("carriers_to_starrocks", "carriers", "carriers_olap"),
                        TaskScript.reachesSynced("depots_to_starrocks", "depots", "depots_olap"))),
                new SimulatedInstance(PROJECT_ID, TROUBLED_INSTANCE_ID, List.of(
                        TaskScript.reachesSynced("accounts_to_starrocks", "accounts", "accounts_olap").asMainTask(),
                        TaskScript.stalls("ledger_to_starrocks", "ledger", "ledger_olap"),
                        TaskScript.pauses("reports_to_starrocks", "reports", "reports_olap"))));
    }

    private static List<ReplicationTask> salesTasks() {
        return List.of(
                ReplicationTask.builder("orders_to_starrocks", "sales", "sales_olap")
                        .stage("incremental").percentage("100").catchup("incremental", "99.5")
                        .flags(false, true).build(),
                ReplicationTask.builder("customers_to_starrocks", "crm", "crm_olap")
                        .stage("full").percentage("42.7").flags(false, false).build(),
                ReplicationTask.builder("invoices_to_starrocks", "billing", "billing_olap")
                        .stage("wait").percentage("0").flags(false, false).build(),
                ReplicationTask.builder("audit_to_starrocks", "audit_log", "audit_olap")
                        .status("No").stage("cancelled").percentage("35.2").flags(false, false).build(),
                ReplicationTask.builder("inventory_to_starrocks", "inventory", "inventory_olap")
                        .status("No").stage("paused").percentage("87.0").catchup("paused", "60.25")
                        .flags(true, false).build(),
                ReplicationTask.builder("payments_to_starrocks", "payments", "payments_olap")
                        .stage("incremental").percentage("100").catchup("full", "12.5")
                        .flags(false, false).build(),
                ReplicationTask.builder("returns_to_starrocks", "returns", "returns_olap")
                        .stage("incremental").percentage("100").flags(false, false).build());
    }

    private static List<ReplicationTask> warehouseTasks() {
        List<ReplicationTask> tasks = new ArrayList<>(WAREHOUSE_TASK_COUNT);
        for (int i = 1; i <= WAREHOUSE_TASK_COUNT; i++) {
            String shard = String.format("shard_%03d", i);
            String stage = WAREHOUSE_STAGES[i % WAREHOUSE_STAGES.length];
            ReplicationTask.Builder task = ReplicationTask.builder(shard + "_sync", "warehouse_" + shard, shard + "_olap")
                    .stage(stage)
                    .status(stage.equals("cancelled") || stage.equals("paused") ? "No" : "Yes")
                    .flags(false, i == 1);
            switch (stage) {
                case "incremental" -> task.percentage("100");
                case "wait" -> task.percentage("0");
                default -> task.percentage((i * 37) % 100 + "." + i % 10);
            }
            if (stage.equals("incremental") && i % 4 == 1) {
                task.catchup("incremental", String.valueOf((i * 13) % 100));
            }
            tasks.add(task.build());
        }
        return tasks;
    }
}
