import type { ProviderPreset } from "@/lib/llm/presets";

/** "Needs an API key · Key from platform.openai.com", with `commands` set in code type. */
export function PresetHint({ preset }: { preset: ProviderPreset }) {
  const parts = preset.hint.split("`");
  return (
    <span data-testid="preset-hint">
      {preset.id === "custom" ? (
        <span className="font-medium text-slate-700">API key only if the server asks for one</span>
      ) : (
        <span className={preset.needsKey ? "font-medium text-amber-700" : "font-medium text-emerald-700"}>
          {preset.needsKey ? "Needs an API key" : "No API key needed"}
        </span>
      )}
      {" · "}
      {parts.map((part, i) => (i % 2 ? <code key={i} className="rounded bg-slate-100 px-1 font-mono">{part}</code> : part))}
    </span>
  );
}
