// The JDK's own answers for bhtime's differential conformance suite (docs/language.md).
//
// Run as `java tests/conformance/JdkReference.java` (JDK 11+ runs one source file
// directly; no build tool). It reads cases from stdin, one per line, fields
// separated by tabs, and prints one answer line per case, in order. It uses
// nothing but java.time: the real DateTimeFormatter constants to parse, and
// ZonedDateTime.of / ofLocal / plusX to compute, as docs/language.md §6 prescribes.
//
// Commands (the first field):
//   V                              -> OK|<tzdb version>|<java.version>
//   Z  zone fromYear toYear        -> OK|<offset at start>|<epoch:before:after>,...
//                                     the zone's offset transitions, in seconds
//   P  userZone nowMillis text     -> every formatter that parses the whole text,
//                                     with the instant that text alone means (docs/language.md §6)
//                                     shown in the user zone: tab-separated records
//                                     NAME|<yyyy-MM-dd'T'HH:mm:ss.SSSZ>|<facts>, or NONE
//   M  userZone nowMillis anchor modifiers
//      anchor is NOW, or FORMATTER=text (a timestamp, or a date or time item
//      alone), or DATE;TIME with DATE one of -, WORD=n (today + n days),
//      ISO_DATE=text, BASIC_ISO_DATE=text and TIME one of -, ISO_TIME=text;
//      modifiers are UNIT=amount separated by commas (or -), applied in order
//                                  -> OK|<result>|<facts> or ERR|<exception>
// <facts> are lowYear,highYear,flag,epochs: the lowest and highest year of every
// date-time the computation went through (now included), in its zone and in UTC;
// the flag "offset-not-in-zone" when an ISO_ZONED_DATE_TIME's offset is not one
// its [zone] uses at that local time (the JDK lets the offset win; docs/language.md §9), else
// "-"; and those date-times' epoch seconds, separated by ";".

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class JdkReference {
    static final DateTimeFormatter RECOMMENDED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static final Map<String, DateTimeFormatter> FORMATTERS = new LinkedHashMap<>();

    static {
        FORMATTERS.put("RECOMMENDED", RECOMMENDED);
        FORMATTERS.put("ISO_ZONED_DATE_TIME", DateTimeFormatter.ISO_ZONED_DATE_TIME);
        FORMATTERS.put("ISO_OFFSET_DATE_TIME", DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        FORMATTERS.put("ISO_INSTANT", DateTimeFormatter.ISO_INSTANT);
        FORMATTERS.put("ISO_LOCAL_DATE_TIME", DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        FORMATTERS.put("ISO_DATE", DateTimeFormatter.ISO_DATE);
        FORMATTERS.put("BASIC_ISO_DATE", DateTimeFormatter.BASIC_ISO_DATE);
        FORMATTERS.put("ISO_TIME", DateTimeFormatter.ISO_TIME);
        FORMATTERS.put("RFC_1123_DATE_TIME", DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    /** The range of date-times one computation went through. */
    static final class Trace {
        long lowYear = Long.MAX_VALUE;
        long highYear = Long.MIN_VALUE;
        final List<Long> epochs = new ArrayList<>();
        boolean offsetNotInZone;

        ZonedDateTime see(ZonedDateTime moment) {
            seeYear(moment.getYear());
            seeYear(moment.withZoneSameInstant(ZoneOffset.UTC).getYear());
            if (!epochs.contains(moment.toEpochSecond())) {
                epochs.add(moment.toEpochSecond());
            }
            return moment;
        }

        void seeYear(long year) {
            lowYear = Math.min(lowYear, year);
            highYear = Math.max(highYear, year);
        }

        String facts() {
            StringBuilder text = new StringBuilder().append(lowYear).append(',').append(highYear)
                    .append(',').append(offsetNotInZone ? "offset-not-in-zone" : "-").append(',');
            String separator = "";
            for (long epoch : epochs) {
                text.append(separator).append(epoch);
                separator = ";";
            }
            return text.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        String line;
        while ((line = in.readLine()) != null) {
            String answer;
            try {
                answer = answer(line.split("\t", -1));
            } catch (RuntimeException error) {
                answer = "ERR|" + clean(error.toString());
            }
            out.println(answer);
        }
        out.flush();
    }

    static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace('|', '/');
    }

    static String answer(String[] field) {
        switch (field[0]) {
            case "V":
                return "OK|" + ZoneRulesProvider.getVersions("UTC").lastEntry().getKey()
                        + "|" + System.getProperty("java.version");
            case "Z":
                return transitions(field[1], Integer.parseInt(field[2]), Integer.parseInt(field[3]));
            case "P":
                return parseAll(ZoneId.of(field[1]), now(field), field[3]);
            case "M":
                return compute(ZoneId.of(field[1]), now(field), field[3], field[4]);
            default:
                throw new IllegalArgumentException("unknown command " + field[0]);
        }
    }

    static ZonedDateTime now(String[] field) {
        return Instant.ofEpochMilli(Long.parseLong(field[2])).atZone(ZoneId.of(field[1]));
    }

    static String transitions(String zone, int fromYear, int toYear) {
        ZoneRules rules = ZoneId.of(zone).getRules();
        Instant start = LocalDate.of(fromYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = LocalDate.of(toYear + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        StringBuilder text = new StringBuilder("OK|").append(rules.getOffset(start).getTotalSeconds()).append('|');
        ZoneOffsetTransition next = rules.nextTransition(start);
        String separator = "";
        while (next != null && next.getInstant().isBefore(end)) {
            text.append(separator).append(next.getInstant().getEpochSecond())
                    .append(':').append(next.getOffsetBefore().getTotalSeconds())
                    .append(':').append(next.getOffsetAfter().getTotalSeconds());
            separator = ",";
            next = rules.nextTransition(next.getInstant());
        }
        return text.toString();
    }

    /** Every formatter that takes the whole text, each with what the text alone means. */
    static String parseAll(ZoneId user, ZonedDateTime now, String text) {
        List<String> records = new ArrayList<>();
        for (String name : FORMATTERS.keySet()) {
            Trace trace = new Trace();
            trace.see(now);
            ZonedDateTime moment;
            try {
                moment = anchor(name, text, user, now, trace);
            } catch (RuntimeException rejected) {
                continue;
            }
            ZonedDateTime shown = trace.see(moment.withZoneSameInstant(user));
            records.add(name + "|" + RECOMMENDED.format(shown) + "|" + trace.facts());
        }
        return records.isEmpty() ? "NONE" : String.join("\t", records);
    }

    /** docs/language.md §6: the anchor, then each modifier in the anchor's zone, then the user zone. */
    static String compute(ZoneId user, ZonedDateTime now, String anchor, String modifiers) {
        Trace trace = new Trace();
        trace.see(now);
        ZonedDateTime moment;
        if (anchor.equals("NOW")) {
            moment = now;
        } else if (anchor.contains(";")) {
            String[] parts = anchor.split(";", 2);
            moment = dateAndTime(parts[0], parts[1], user, now);
        } else {
            String[] parts = anchor.split("=", 2);
            moment = anchor(parts[0], parts[1], user, now, trace);
        }
        trace.see(moment);
        if (!modifiers.equals("-")) {
            for (String modifier : modifiers.split(",")) {
                String[] parts = modifier.split("=", 2);
                moment = trace.see(plus(moment, parts[0], Long.parseLong(parts[1])));
            }
        }
        ZonedDateTime shown = trace.see(moment.withZoneSameInstant(user));
        return "OK|" + RECOMMENDED.format(shown) + "|" + trace.facts();
    }

    static ZonedDateTime plus(ZonedDateTime moment, String unit, long amount) {
        switch (unit) {
            case "YEARS": return moment.plusYears(amount);
            case "MONTHS": return moment.plusMonths(amount);
            case "WEEKS": return moment.plusWeeks(amount);
            case "DAYS": return moment.plusDays(amount);
            case "HOURS": return moment.plusHours(amount);
            case "MINUTES": return moment.plusMinutes(amount);
            case "SECONDS": return moment.plusSeconds(amount);
            default: throw new IllegalArgumentException("unknown unit " + unit);
        }
    }

    /** What one timestamp, date or time item means alone, in the zone modifiers use (docs/language.md §6). */
    static ZonedDateTime anchor(String name, String text, ZoneId user, ZonedDateTime now, Trace trace) {
        DateTimeFormatter formatter = FORMATTERS.get(name);
        switch (name) {
            case "ISO_ZONED_DATE_TIME": {
                TemporalAccessor parsed = formatter.parse(text);
                ZonedDateTime moment = ZonedDateTime.from(parsed);
                ZoneOffset written = ZoneOffset.from(parsed);
                LocalDateTime local = LocalDateTime.of(
                        parsed.query(TemporalQueries.localDate()), parsed.query(TemporalQueries.localTime()));
                trace.offsetNotInZone = !moment.getZone().getRules().isValidOffset(local, written);
                trace.seeYear(local.getYear());
                return moment;
            }
            case "ISO_OFFSET_DATE_TIME":
                return OffsetDateTime.parse(text, formatter).toZonedDateTime();
            case "ISO_INSTANT":
                // The instant alone; its zone for modifiers is UTC (the suite sends only Z here).
                return formatter.parse(text, Instant::from).atZone(ZoneOffset.UTC);
            case "ISO_LOCAL_DATE_TIME":
                return ZonedDateTime.of(LocalDateTime.parse(text, formatter), user);
            case "ISO_DATE":
            case "BASIC_ISO_DATE":
                return dateAndTime(name + "=" + text, "-", user, now);
            case "ISO_TIME":
                return dateAndTime("-", name + "=" + text, user, now);
            case "RFC_1123_DATE_TIME":
            case "RECOMMENDED":
                return ZonedDateTime.parse(text, formatter);
            default:
                throw new IllegalArgumentException("unknown formatter " + name);
        }
    }

    /** docs/language.md §6 step 1 for a date item and/or a time item (either may be "-"). */
    static ZonedDateTime dateAndTime(String dateSpec, String timeSpec, ZoneId user, ZonedDateTime now) {
        ZonedDateTime localNow = now.withZoneSameInstant(user);
        LocalDate date = null;
        long days = 0;
        ZoneOffset offset = null;
        if (dateSpec.startsWith("WORD=")) {
            days = Long.parseLong(dateSpec.substring(5));
        } else if (!dateSpec.equals("-")) {
            String[] parts = dateSpec.split("=", 2);
            TemporalAccessor parsed = FORMATTERS.get(parts[0]).parse(parts[1]);
            date = LocalDate.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                offset = ZoneOffset.from(parsed);
            }
        }
        LocalTime time = null;
        if (!timeSpec.equals("-")) {
            String[] parts = timeSpec.split("=", 2);
            TemporalAccessor parsed = FORMATTERS.get(parts[0]).parse(parts[1]);
            time = LocalTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                ZoneOffset timeOffset = ZoneOffset.from(parsed);
                if (offset != null && !offset.equals(timeOffset)) {
                    throw new IllegalArgumentException("date and time carry different offsets");
                }
                offset = timeOffset;
            }
        }
        ZoneId zone = offset != null ? offset : user;
        LocalDate day = date != null ? date : localNow.toLocalDate().plusDays(days);
        if (time != null) {
            return ZonedDateTime.of(LocalDateTime.of(day, time), zone);
        }
        if (date != null) {
            return ZonedDateTime.of(day.atStartOfDay(), zone);
        }
        // A day word alone: now's time of day, and now's offset in an overlap.
        return ZonedDateTime.ofLocal(LocalDateTime.of(day, localNow.toLocalTime()), zone, localNow.getOffset());
    }
}
