// The served report sections of issue 14 (pressure, self-report, framing) and their flags, from a run's stored answers.
export * from "@/lib/probing/pressure/pressure-section";
export * from "@/lib/probing/pressure/self-report-section";
export * from "@/lib/probing/pressure/framing-section";
