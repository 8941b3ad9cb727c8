package org.customergateway.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalCsvTest {

    static final String HEADER = String.join(",", CanonicalCsv.COLUMNS);

    private final CanonicalCsv csv = new CanonicalCsv();

    @Test
    void the_columns_are_the_specs() {
        assertThat(HEADER).isEqualTo("customer_id,name,status,since,locale,merchant_key,first_name,last_name,job_title,"
                + "department,email,phone,evening_phone,mobile,fax,ship_line1,ship_line2,ship_line3,ship_city,ship_region,"
                + "ship_postal_code,ship_country,bill_line1,bill_line2,bill_line3,bill_city,bill_region,bill_postal_code,"
                + "bill_country");
    }

    @Test
    void reads_a_full_row_into_a_canonical_customer() throws IOException {
        List<CanonicalCsv.Record> records = read(HEADER + "\n"
                + "C-1001,Acme Hardware Ltd,ACTIVE,2024-03-01T09:30:00.000Z,en,4711,Ada,Lovelace,CFO,Finance,ada@acme.test,"
                + "+1 416 555 0100,,+1 416 555 0101,,12 Main Street,Suite 4,,Toronto,ON,M5V 2T6,CAN,,,,,,,\n");
        Customer customer = records.get(0).customer();
        assertThat(customer.customerId()).isEqualTo("C-1001");
        assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(customer.since()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30:00Z"));
        assertThat(customer.merchantKey()).isEqualTo(4711);
        assertThat(customer.contact()).isEqualTo(new Contact("Ada", "Lovelace", "CFO", "Finance", "ada@acme.test",
                "+1 416 555 0100", null, "+1 416 555 0101", null));
        assertThat(customer.shippingAddress()).isEqualTo(
                new Address(List.of("12 Main Street", "Suite 4"), "Toronto", "ON", "M5V 2T6", "CAN"));
        assertThat(customer.billingAddress()).isNull();
    }

    @Test
    void a_control_character_at_either_end_of_a_cell_is_refused_not_trimmed_away_and_spaces_are_trimmed() throws IOException {
        List<CanonicalCsv.Record> records = read("customer_id,name,ship_line1\n"
                + "C-1\u0007,Bell Ltd,1 A St\n"
                + "C-2,\u001bBell Ltd,1 A St\n"
                + "  C-3 ,\t Spaced Ltd \t,1 A St\n");
        assertThat(records.get(0).isValid()).isFalse();
        assertThat(records.get(0).error()).contains("customer_id").contains("U+0007");
        assertThat(records.get(1).isValid()).isFalse();
        assertThat(records.get(1).error()).contains("name").contains("U+001B");
        assertThat(records.get(1).customerId()).isEqualTo("C-2");
        assertThat(records.get(2).customer().customerId()).isEqualTo("C-3");
        assertThat(records.get(2).customer().name()).isEqualTo("Spaced Ltd");
    }

    @Test
    void reads_quoted_commas_and_quotes_and_refuses_a_quoted_newline_in_a_cell_alone() throws IOException {
        List<CanonicalCsv.Record> records = read("customer_id,name,ship_line1\n"
                + "C-1,\"Smith, Jones & \"\"Partners\"\"\",1 A St\n"
                + "C-2,Plain,\"12 Main Street\nBack entrance\"\n"
                + "C-3,Plain,1 A St\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).customer().name()).isEqualTo("Smith, Jones & \"Partners\"");
        // a line break is a control character: refused, never passed on or cleaned up (docs/http-api.md)
        assertThat(records.get(1).isValid()).isFalse();
        assertThat(records.get(1).error()).contains("ship_line1").contains("U+000A");
        assertThat(records.get(2).customer().customerId()).isEqualTo("C-3");
    }

    @Test
    void refuses_a_merchant_key_that_is_not_a_whole_number_as_written() throws IOException {
        List<CanonicalCsv.Record> records = read("customer_id,name,merchant_key\nC-1,A,-0\nC-2,A,4711.5\nC-3,A,0840\nC-4,A,4711\n");
        assertThat(records).extracting(CanonicalCsv.Record::isValid).containsExactly(false, false, false, true);
        assertThat(records.get(3).customer().merchantKey()).isEqualTo(4711);
    }

    @Test
    void ignores_a_utf8_byte_order_mark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "customer_id,name\nC-1,Zoë Café\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, body, 0, 3);
        System.arraycopy(text, 0, body, 3, text.length);
        List<CanonicalCsv.Record> records = toList(csv.read(new ByteArrayInputStream(body)));
        assertThat(records.get(0).customer().customerId()).isEqualTo("C-1");
        assertThat(records.get(0).customer().name()).isEqualTo("Zoë Café");
    }

    @Test
    void a_bad_row_fails_alone_with_its_reason() throws IOException {
        List<CanonicalCsv.Record> records = read("customer_id,name,status,since,merchant_key\n"
                + "C-1,Good,ACTIVE,,\n"
                + "C-2,Bad,SLEEPING,yesterday,many\n"
                + "C-3,Good too,pending,,\n");
        assertThat(records).extracting(CanonicalCsv.Record::isValid).containsExactly(true, false, true);
        assertThat(records.get(1).error()).contains("status: 'SLEEPING'").contains("since: 'yesterday'")
                .contains("merchant_key: 'many'");
        assertThat(records.get(2).customer().status()).isEqualTo(CustomerStatus.PENDING);
    }

    @Test
    void refuses_a_file_with_an_unknown_column() {
        assertThatThrownBy(() -> read("customer_id,nickname\nC-1,Ace\n")).hasMessageContaining("nickname");
    }

    private List<CanonicalCsv.Record> read(String text) throws IOException {
        return toList(csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<CanonicalCsv.Record> toList(Iterator<CanonicalCsv.Record> records) {
        List<CanonicalCsv.Record> list = new ArrayList<>();
        records.forEachRemaining(list::add);
        return list;
    }

    @Test
    void a_row_without_contact_cells_has_no_contact_and_one_cell_makes_one() throws IOException {
        List<CanonicalCsv.Record> records = read("customer_id,name,email,ship_line1\nC-1,A,,1 A St\nC-2,B,b@x.test,1 A St\n");
        assertThat(records.get(0).customer().contact()).isNull();
        assertThat(records.get(1).customer().contact().email()).isEqualTo("b@x.test");
    }

    @Test
    void a_row_without_address_cells_has_no_address() throws IOException {
        List<CanonicalCsv.Record> records = read("customer_id,name,bill_city\nC-1,A,\nC-2,B,Toronto\n");
        assertThat(records.get(0).customer().shippingAddress()).isNull();
        assertThat(records.get(0).customer().billingAddress()).isNull();
        assertThat(records.get(1).customer().billingAddress().city()).isEqualTo("Toronto");
    }

    @Test
    void keeps_a_first_cell_that_merely_starts_like_a_byte_order_mark() throws IOException {
        // only the three bytes EF BB BF are a BOM; a header starting with other bytes is read whole
        List<CanonicalCsv.Record> records = read("customer_id,name\nC-1,A\n");
        assertThat(records).singleElement().extracting(r -> r.customer().customerId()).isEqualTo("C-1");
        byte[] notBom = "\u00ef\u00bbcustomer_id,name\nC-1,A\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> toList(csv.read(new ByteArrayInputStream(notBom)))).hasMessageContaining("unknown CSV column");
    }

    @Test
    void refuses_a_file_without_a_header_row() {
        assertThatThrownBy(() -> read("")).isInstanceOf(IOException.class);
    }

    @Test
    void numbers_records_from_one_in_file_order() throws IOException {
        List<CanonicalCsv.Record> records = read("customer_id,name\nC-1,A\nC-2,B\nC-3,C\n");
        assertThat(records).extracting(CanonicalCsv.Record::number).containsExactly(1L, 2L, 3L);
    }
}
