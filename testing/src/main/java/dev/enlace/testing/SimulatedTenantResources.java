package dev.enlace.testing;

import dev.enlace.platform.testing.EnlaceTestResources;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a service's {@code @QuarkusTest} talks to: the shared Kafka broker and its
 * database ({@link EnlaceTestResources}), the Bsale and Jumpseller simulators, and tenants
 * backed by them, written to a tenants directory the service reads:
 * <ul>
 * <li>{@code acme}: sells from office 1, pre-sale off;</li>
 * <li>{@code presale}: office 1, pre-sale on (ST7);</li>
 * <li>{@code allstock}: no office named, so the sum of all warehouses counts (ST8);</li>
 * <li>{@code polled}: relBase, which sends no stock webhooks, with a Jumpseller store (ST1 by polling);</li>
 * <li>{@code salesync}: like polled, with {@code stock.erpSalesToStore} on (ST3);</li>
 * <li>{@code sklad}: MoySklad with two warehouses and a Jumpseller store;</li>
 * <li>{@code shop}: Bsale with an inSales shop;</li>
 * <li>{@code smarty}: Gestionale Smarty (polled, no webhooks) with a Framework360 site;</li>
 * <li>{@code skladshop}: MoySklad with an inSales shop, some links kept in MoySklad's field (CA9);</li>
 * <li>{@code docs}: like acme, with tax documents on in automatic mode (DO1, DO2);</li>
 * <li>{@code manualdocs}: like acme, with tax documents on in manual mode (DO1);</li>
 * <li>{@code reldocs}: relBase with a Jumpseller store, tax documents on: boleta or factura (DO1);</li>
 * <li>{@code relnotes}: like reldocs, but a nota de venta instead of a boleta (DO2).</li>
 * <li>{@code skladsync}: an inSales shop with a catalogue and an empty MoySklad account (CA4);</li>
 * <li>{@code relsync}: relBase and Jumpseller with the same SKUs, for store -> ERP product sync (CA6).</li>
 * </ul>
 * Bsale notifications go to the service under test, on the HTTP port chosen here.
 */
public class SimulatedTenantResources implements QuarkusTestResourceLifecycleManager {
    private static final Map<String, DemoTenant.Created> TENANTS = new HashMap<>();
    private static final Map<String, RelbaseTenant.Created> RELBASE_TENANTS = new HashMap<>();
    private static RelbaseTenant.Created polled;
    private static RelbaseTenant.Created salesync;
    private static MoyskladTenant.Created sklad;
    private static InsalesTenant.Created shop;
    private static SmartyTenant.Created smarty;
    private static StoreSyncTenant.Created skladsync;
    private static RelbaseTenant.Created relsync;
    private static MoyskladInsalesTenant.Created skladShop;
    private static int httpPort;
    private static Path tenantsDir;
    private final EnlaceTestResources infrastructure = new EnlaceTestResources();

    public static DemoTenant.Created tenant(String id) {
        return TENANTS.get(id);
    }

    /** {@code polled}: a relBase company (no stock webhooks) selling through a Jumpseller store. */
    public static RelbaseTenant.Created polled() {
        return polled;
    }

    /** {@code reldocs} or {@code relnotes}: a relBase company issuing tax documents, with a Jumpseller store. */
    public static RelbaseTenant.Created relbase(String id) {
        return RELBASE_TENANTS.get(id);
    }

    /** {@code salesync}: like {@link #polled()}, and sales made in relBase lower the store's stock (ST3). */
    public static RelbaseTenant.Created salesync() {
        return salesync;
    }

    /** {@code sklad}: a MoySklad account with two warehouses (their sum is sold) and a Jumpseller store. */
    public static MoyskladTenant.Created sklad() {
        return sklad;
    }

    /** {@code shop}: a Bsale company selling through an inSales shop whose products have one variant each. */
    public static InsalesTenant.Created insalesShop() {
        return shop;
    }

    /** {@code smarty}: a Gestionale Smarty account selling through a Framework360 site with the same SKUs. */
    public static SmartyTenant.Created smarty() {
        return smarty;
    }

    /** {@code skladsync}: an inSales catalogue to copy into an empty MoySklad account (CA4). */
    public static StoreSyncTenant.Created skladsync() {
        return skladsync;
    }

    /** {@code relsync}: a relBase company and a Jumpseller store, kept for store -> ERP product sync (CA6). */
    public static RelbaseTenant.Created relsync() {
        return relsync;
    }

    /** {@code skladshop}: a MoySklad account and an inSales shop; 3 of its 5 products linked in MoySklad's field. */
    public static MoyskladInsalesTenant.Created skladShop() {
        return skladShop;
    }

    public static Simulators simulators() {
        return Simulators.shared();
    }

    /** The base URL of the service under test. */
    public static String serviceUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        infrastructure.init(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        createTenantsOnce();
        config.put("quarkus.http.test-port", String.valueOf(httpPort));
        config.put("enlace.tenants.directory", tenantsDir.toString());
        return config;
    }

    private static synchronized void createTenantsOnce() {
        if (tenantsDir != null) {
            return;
        }
        try {
            httpPort = freePort();
            tenantsDir = Files.createTempDirectory("enlace-tenants-");
            String url = "http://127.0.0.1:" + httpPort;
            Simulators sims = Simulators.shared();
            TENANTS.put("acme", DemoTenant.create(sims, tenantsDir, "acme",
                    new DemoTenant.Options(10, false, List.of(DemoTenant.OFFICE), url)));
            TENANTS.put("presale", DemoTenant.create(sims, tenantsDir, "presale",
                    new DemoTenant.Options(10, true, List.of(DemoTenant.OFFICE), url)));
            TENANTS.put("allstock", DemoTenant.create(sims, tenantsDir, "allstock",
                    new DemoTenant.Options(10, false, List.of(), url)));
            polled = RelbaseTenant.create(sims, tenantsDir, "polled", 5);
            salesync = RelbaseTenant.create(sims, tenantsDir, "salesync", 2);
            RelbaseTenant.sendErpSalesToStore(tenantsDir, "salesync");
            sklad = MoyskladTenant.create(sims, tenantsDir, "sklad", 5, url);
            shop = InsalesTenant.create(sims, tenantsDir, "shop", 4, url);
            smarty = SmartyTenant.create(sims, tenantsDir, "smarty", 8);
            skladShop = MoyskladInsalesTenant.create(sims, tenantsDir, "skladshop", 5, 3);
            // tax documents on (DO1, DO2): issued when paid, or when someone picks the type
            TENANTS.put("docs", DemoTenant.create(sims, tenantsDir, "docs",
                    new DemoTenant.Options(10, false, List.of(DemoTenant.OFFICE), url)));
            DemoTenant.enableDocuments(tenantsDir, "docs", false);
            TENANTS.put("manualdocs", DemoTenant.create(sims, tenantsDir, "manualdocs",
                    new DemoTenant.Options(10, false, List.of(DemoTenant.OFFICE), url)));
            DemoTenant.enableDocuments(tenantsDir, "manualdocs", true);
            for (String id : List.of("reldocs", "relnotes")) {
                RelbaseTenant.Created created = RelbaseTenant.create(sims, tenantsDir, id, 6);
                RelbaseTenant.enableDocuments(tenantsDir, created, id.equals("relnotes") ? "1001" : "39");
                RELBASE_TENANTS.put(id, created);
            }
            skladsync = StoreSyncTenant.create(sims, tenantsDir, "skladsync");
            relsync = RelbaseTenant.create(sims, tenantsDir, "relsync", 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
