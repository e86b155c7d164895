"use client";

import dynamic from "next/dynamic";

/**
 * Recharts is loaded after the page, not with it (it would be most of the page's first-load
 * JavaScript); the space the chart takes is held meanwhile.
 */
export const TrendChart = dynamic(() => import("./trend-chart").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <div className="h-16 border-b border-slate-200 dark:border-slate-700" aria-hidden />,
});
