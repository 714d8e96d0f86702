package vn.friendlygov.notification.service;

/** The little HTML the e-mails need, escaped so that task titles cannot inject markup. */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String paragraphs(String title, String body) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><h3>" + escape(title)
                + "</h3>" + (body == null ? "" : "<p>" + escape(body) + "</p>") + "</body></html>";
    }
}
