// Pure statistics of issue 14 (pressure drift, turns-to-break, drift flags, self-report gap, framing pair): see README.md.
export * from "@/lib/probing/pressure/drift";
export * from "@/lib/probing/pressure/survival";
export * from "@/lib/probing/pressure/flags";
export * from "@/lib/probing/pressure/self-report";
export * from "@/lib/probing/pressure/framing";
export * from "@/lib/probing/pressure/simulated-user";
