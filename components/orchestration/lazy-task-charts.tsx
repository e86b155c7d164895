"use client";

import dynamic from "next/dynamic";

/** Recharts is loaded after the page, not with it (see components/control-center/lazy-trend-chart.tsx). */
const holder = () => <div className="h-56 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-hidden />;
const charts = () => import("./task-charts");

export const DurationChart = dynamic(() => charts().then((m) => m.DurationChart), { ssr: false, loading: holder });
export const OutcomeChart = dynamic(() => charts().then((m) => m.OutcomeChart), { ssr: false, loading: holder });
export const AgentRunChart = dynamic(() => charts().then((m) => m.AgentRunChart), { ssr: false, loading: holder });
