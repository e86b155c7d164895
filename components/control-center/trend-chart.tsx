"use client";

import { Area, AreaChart, Bar, BarChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import { CHART_COLORS, type Tone } from "./chart-colors";
import { formatCompact, formatDay } from "./format";

export type TrendSeries = { key: string; label: string; tone: Tone };

type Props = {
  /** One point per day, oldest first: `{ day: "YYYY-MM-DD", [series key]: number }`. */
  data: ({ day: string } & Record<string, number | string>)[];
  series: TrendSeries[];
  /** Bars stack the series per day; an area draws the first series alone. */
  kind?: "bar" | "area";
  /** What the chart shows, for screen readers ("Records stored per day, last 14 days"). */
  label: string;
  /** A money series' currency, shown in the tooltip. */
  currency?: string | null;
  height?: number;
  /** The last point is today (a calendar trend); else its date is shown. */
  endsToday?: boolean;
};

/** A small per-day trend for a KPI card: no axes, the day and the figures in the tooltip; colors follow the theme. */
export function TrendChart({ data, series, kind = "bar", label, currency = null, height = 64, endsToday = true }: Props) {
  const colors = CHART_COLORS[useColorScheme()];
  const value = (v: unknown) => `${currency ? `${currency} ` : ""}${formatCompact(Number(v))}`;
  const tooltip = (
    <Tooltip
      cursor={{ fill: colors.grid, fillOpacity: 0.5, stroke: colors.grid }}
      contentStyle={{
        background: colors.surface,
        border: `1px solid ${colors.border}`,
        borderRadius: 6,
        fontSize: 12,
        color: colors.text,
        padding: "4px 8px",
      }}
      labelStyle={{ color: colors.text, fontWeight: 600 }}
      itemStyle={{ padding: 0 }}
      separator=": "
      labelFormatter={(day) => formatDay(String(day))}
      formatter={(v, name) => [value(v), name]}
      isAnimationActive={false}
    />
  );
  return (
    <figure className="min-w-0">
      {/* The figures in words for screen readers; the drawing and its tooltip are for the eye. */}
      <figcaption className="sr-only">{`${label}: ${summary(data, series, value)}`}</figcaption>
      <div aria-hidden>
        <ResponsiveContainer width="100%" height={height} minWidth={0} className="border-b border-slate-200 dark:border-slate-700">
          {kind === "area" ? (
            <AreaChart data={data} margin={{ top: 4, right: 2, bottom: 0, left: 2 }} accessibilityLayer={false}>
              <XAxis dataKey="day" hide />
              {tooltip}
              <Area
                type="monotone"
                dataKey={series[0]!.key}
                name={series[0]!.label}
                stroke={colors[series[0]!.tone]}
                fill={colors[series[0]!.tone]}
                fillOpacity={0.15}
                strokeWidth={2}
                isAnimationActive={false}
              />
            </AreaChart>
          ) : (
            <BarChart data={data} margin={{ top: 4, right: 0, bottom: 0, left: 0 }} barCategoryGap="15%" accessibilityLayer={false}>
              <XAxis dataKey="day" hide />
              {tooltip}
              {series.map((s, i) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stackId="day"
                  fill={colors[s.tone]}
                  radius={i === series.length - 1 ? [2, 2, 0, 0] : 0}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
        <div className="mt-1 flex justify-between text-[11px] text-slate-500 dark:text-slate-400">
          <span>{data[0] ? formatDay(String(data[0].day)) : ""}</span>
          <span>{data.length > 1 ? (endsToday ? "today" : formatDay(String(data.at(-1)!.day))) : ""}</span>
        </div>
      </div>
    </figure>
  );
}

/** The chart in words: each series' total over the days shown. */
function summary(data: Props["data"], series: TrendSeries[], value: (v: unknown) => string): string {
  return series.map((s) => `${s.label} ${value(data.reduce((n, d) => n + Number(d[s.key] ?? 0), 0))}`).join(", ");
}
