package dev.junction.connectors.amazon.sandbox;

import java.util.List;
import java.util.Optional;

/** The sandbox seller's products: what seeded orders contain and which SKUs a fulfillment order may ship. */
final class SandboxCatalog {

    record Product(String sku, String asin, String fnsku, String title, String price) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("JN-MUG-001", "B0JNMUG001", "X00JNMUG01", "Junction enamel mug, 350 ml", "12.99"),
            new Product("JN-TEE-M", "B0JNTEE00M", "X00JNTEE0M", "Junction T-shirt, size M", "19.50"),
            new Product("JN-CAP-01", "B0JNCAP001", "X00JNCAP01", "Junction cap, one size", "15.00"),
            new Product("JN-BAG-01", "B0JNBAG001", "X00JNBAG01", "Junction canvas tote bag", "9.99"));

    private SandboxCatalog() {
    }

    static Optional<Product> bySku(String sku) {
        return PRODUCTS.stream().filter(product -> product.sku().equals(sku)).findFirst();
    }

    static Product bySkuOrFail(String sku) {
        return bySku(sku).orElseThrow(() -> new IllegalArgumentException("no sandbox product " + sku));
    }
}
