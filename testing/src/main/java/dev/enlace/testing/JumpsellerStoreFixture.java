package dev.enlace.testing;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The store half of a simulated tenant: a Jumpseller store in the simulator with the given
 * products, its secrets written beside the tenant files, and the {@code store:} block of the
 * tenant file that points at them.
 */
final class JumpsellerStoreFixture {
    private JumpsellerStoreFixture() {
    }

    /** Creates the store {@code <id>-shop}; returns its code. */
    static String create(Simulators sims, Path tenantsDir, String id, List<JumpsellerAdmin.ProductSeed> products)
            throws IOException {
        String storeCode = id + "-shop";
        var store = sims.jumpseller().createStore(new JumpsellerAdmin.NewStore(storeCode, id + " shop", null, null,
                null, null, null, null, null, null, null, null));
        sims.jumpseller().seedProducts(storeCode, products);
        Path secrets = Files.createDirectories(tenantsDir.resolve("secrets"));
        Files.writeString(secrets.resolve(id + "-jumpseller-login"), store.login());
        Files.writeString(secrets.resolve(id + "-jumpseller-token"), store.authtoken());
        Files.writeString(secrets.resolve(id + "-jumpseller-hooks-token"), store.hooksToken());
        return storeCode;
    }

    /** The tenant file's {@code store:} section for that store. */
    static String yaml(Simulators sims, String id) {
        return """
                store:
                  system: jumpseller
                  baseUrl: %2$s/v1
                  properties:
                    storeCode: %1$s-shop
                  credentials:
                    login: file:secrets/%1$s-jumpseller-login
                    authToken: file:secrets/%1$s-jumpseller-token
                    hooksToken: file:secrets/%1$s-jumpseller-hooks-token
                """.formatted(id, sims.jumpsellerUrl());
    }
}
