package org.peersupport.portal.reporting.entity;

import java.time.YearMonth;

/** Completions in one calendar month (UK time). */
public record MonthCount(YearMonth month, long completions) {
}
