package dev.enlace.order.api;

import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * CA12 for tenant {@code smarty}: the Framework360 site charges 22, 10 and 4 % ({@code payments/taxes}); the tenant
 * mapped Smarty tax_ids for 22 and 10 only, so 4 % is reported missing.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_order_test"))
class TaxAlignmentApiTest {

    @Test
    void storeRateWithoutASmartyTaxIdIsReportedMissing() { // CA12
        given().get("/tenants/smarty/tax-alignment").then().statusCode(200)
                .body("store", equalTo("framework360")).body("erp", equalTo("smarty"))
                .body("aligned", equalTo(false))
                .body("codes.'22'", equalTo("1")).body("codes.'10'", equalTo("2"))
                .body("missingInErp", contains(4));
    }

    @Test
    void systemsThatCannotTellAnswer422() { // CA12 applies where the store lists rates and the ERP maps codes
        given().get("/tenants/acme/tax-alignment").then().statusCode(422).contentType("application/problem+json");
        given().get("/tenants/nobody/tax-alignment").then().statusCode(404);
    }
}
