package dev.junction.connectors.opayo;

import dev.junction.connectors.opayo.OpayoServerNotification.Reply;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server notification signatures checked against an MD5 computed here, independently, and the replies. */
class OpayoServerNotificationTest {

    private static final String VENDOR = "JunctionShop";
    private static final String SECURITY_KEY = "ABCDEF1234";
    private static final String REDIRECT = "https://shop.example/payment/done";

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("VPSProtocol", "3.00");
        fields.put("TxType", "PAYMENT");
        fields.put("VendorTxCode", "order-1001");
        fields.put("VPSTxId", "{63629843-AC44-8690-8947-81132A2FB395}");
        fields.put("Status", "OK");
        fields.put("StatusDetail", "0000 : The Authorisation was Successful.");
        fields.put("TxAuthNo", "7349");
        fields.put("AVSCV2", "ALL MATCH");
        fields.put("AddressResult", "MATCHED");
        fields.put("PostCodeResult", "MATCHED");
        fields.put("CV2Result", "MATCHED");
        fields.put("GiftAid", "0");
        fields.put("3DSecureStatus", "OK");
        fields.put("CAVV", "AAABARR5kwAAAAAAAAAAAAAAAAA=");
        fields.put("CardType", "VISA");
        fields.put("Last4Digits", "0006");
        fields.put("ExpiryDate", "1230");
        fields.put("BankAuthCode", "999777");
        // AddressStatus, PayerStatus, DeclineCode, FraudResponse left out: they hash as empty text
        return fields;
    }

    /** The signature written out field by field in the contract's order, the vendor name lower-cased. */
    private static String independentSignature(Map<String, String> f, String vendor, String key) {
        String text = f.get("VPSTxId") + f.get("VendorTxCode") + f.get("Status") + f.get("TxAuthNo")
                + vendor.toLowerCase() + f.get("AVSCV2") + key + f.get("AddressResult") + f.get("PostCodeResult")
                + f.get("CV2Result") + f.get("GiftAid") + f.get("3DSecureStatus") + f.get("CAVV")
                + "" /* AddressStatus */ + "" /* PayerStatus */ + f.get("CardType") + f.get("Last4Digits")
                + "" /* DeclineCode */ + f.get("ExpiryDate") + "" /* FraudResponse */ + f.get("BankAuthCode");
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032X", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> signed() {
        Map<String, String> fields = new HashMap<>(fields());
        fields.put("VPSSignature", independentSignature(fields, VENDOR, SECURITY_KEY));
        return fields;
    }

    @Test
    void aCorrectlySignedNotificationIsAcceptedWithStatusOk() {
        OpayoServerNotification notification = new OpayoServerNotification(signed());

        Reply reply = notification.reply(VENDOR, SECURITY_KEY, REDIRECT);

        assertThat(notification.expectedSignature(VENDOR, SECURITY_KEY)).isEqualTo(signed().get("VPSSignature"))
                .matches("[0-9A-F]{32}");
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.body()).isEqualTo("Status=OK\r\nRedirectURL=" + REDIRECT + "\r\n");
    }

    @Test
    void aLowerCaseSignatureIsAcceptedToo() {
        Map<String, String> fields = signed();
        fields.put("VPSSignature", fields.get("VPSSignature").toLowerCase());

        assertThat(new OpayoServerNotification(fields).signatureValid(VENDOR, SECURITY_KEY)).isTrue();
    }

    @Test
    void aTamperedFieldOrTheWrongKeyIsRejectedAsInvalid() {
        Map<String, String> tampered = signed();
        tampered.put("Status", "OK");
        tampered.put("TxAuthNo", "0000");

        Reply changedField = new OpayoServerNotification(tampered).reply(VENDOR, SECURITY_KEY, REDIRECT);
        Reply wrongKey = new OpayoServerNotification(signed()).reply(VENDOR, "OTHERKEY", REDIRECT);
        Reply wrongVendor = new OpayoServerNotification(signed()).reply("OtherShop", SECURITY_KEY, REDIRECT);

        assertThat(changedField.status()).isEqualTo(Reply.Status.INVALID);
        assertThat(wrongKey.status()).isEqualTo(Reply.Status.INVALID);
        assertThat(wrongVendor.status()).isEqualTo(Reply.Status.INVALID);
        assertThat(changedField.body()).startsWith("Status=INVALID\r\nRedirectURL=" + REDIRECT + "\r\nStatusDetail=")
                .contains("order-1001").doesNotContain(SECURITY_KEY).doesNotContain(signed().get("VPSSignature"));
    }

    @Test
    void theVendorNameIsHashedLowerCased() {
        assertThat(new OpayoServerNotification(signed()).signatureValid("JUNCTIONSHOP", SECURITY_KEY)).isTrue();
    }

    @Test
    void aNotificationWithoutItsIdentifiersIsAnError() {
        Map<String, String> fields = signed();
        fields.remove("VPSTxId");

        Reply reply = new OpayoServerNotification(fields).reply(VENDOR, SECURITY_KEY, REDIRECT);

        assertThat(reply.status()).isEqualTo(Reply.Status.ERROR);
        assertThat(reply.body()).contains("StatusDetail=the notification has no VPSTxId\r\n");
    }

    @Test
    void formFieldsAreReadByTheirFirstValue() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        signed().forEach((name, value) -> form.put(name, List.of(value)));

        assertThat(OpayoServerNotification.fromForm(form).signatureValid(VENDOR, SECURITY_KEY)).isTrue();
    }

    @Test
    void aReplyCannotCarryALineBreak() {
        assertThatThrownBy(() -> new Reply(Reply.Status.OK, REDIRECT + "\r\nStatus=INVALID", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
