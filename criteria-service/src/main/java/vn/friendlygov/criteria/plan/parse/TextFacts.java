package vn.friendlygov.criteria.plan.parse;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.friendlygov.common.text.VietnameseText;

/**
 * What the content of a row says about how often ("01 ngày/tuần", "ít nhất 1 lần/tuần", "1 tháng/lần", "Hàng năm")
 * and how much ("đạt từ 90% trở lên" = ≥ 90%, "trên 100%" = > 100%, "100%" = ≥ 100%). Read from the folded text so
 * that letter case and diacritics do not matter.
 */
public record TextFacts(Frequency frequency, boolean atLeast, Comparator comparator, BigDecimal target) {

    public enum Frequency { WEEKLY, MONTHLY, YEARLY }

    public enum Comparator { GTE, GT }

    private static final Pattern WEEKLY = Pattern.compile("(\\d+|mot) (lan|ngay)/ ?tuan|hang tuan|moi tuan");
    private static final Pattern MONTHLY = Pattern.compile("(\\d+|mot) thang/ ?lan|(\\d+|mot) lan/ ?thang|hang thang");
    private static final Pattern YEARLY = Pattern.compile("(^|\\W)hang nam(\\W|$)");
    private static final Pattern AT_LEAST_PCT = Pattern.compile("(?:tu|≥|>=)\\s*(\\d+(?:[.,]\\d+)?)\\s*%");
    private static final Pattern ABOVE_PCT = Pattern.compile("(?:tren|>)\\s*(\\d+(?:[.,]\\d+)?)\\s*%");
    private static final Pattern PCT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*%");

    public static TextFacts of(String content) {
        String f = VietnameseText.fold(content == null ? "" : content);
        Frequency freq = WEEKLY.matcher(f).find() ? Frequency.WEEKLY
                : MONTHLY.matcher(f).find() ? Frequency.MONTHLY
                : YEARLY.matcher(f).find() ? Frequency.YEARLY : null;
        boolean atLeast = f.contains("it nhat");
        Comparator cmp = null;
        BigDecimal target = null;
        Matcher m;
        if ((m = ABOVE_PCT.matcher(f)).find()) {
            cmp = Comparator.GT;
            target = number(m.group(1));
        } else if ((m = AT_LEAST_PCT.matcher(f)).find() || (m = PCT.matcher(f)).find()) {
            cmp = Comparator.GTE;
            target = number(m.group(1));
        }
        return new TextFacts(freq, atLeast, cmp, target);
    }

    private static BigDecimal number(String s) {
        return new BigDecimal(s.replace(',', '.'));
    }
}
