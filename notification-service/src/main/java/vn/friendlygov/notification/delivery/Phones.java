package vn.friendlygov.notification.delivery;

/** Vietnamese mobile numbers in the international form the providers want (84…, no plus sign). */
final class Phones {

    private Phones() {
    }

    static String international(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.startsWith("0") ? "84" + digits.substring(1) : digits;
    }
}
