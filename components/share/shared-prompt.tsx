import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/share/copy-button";
import { PageSection } from "@/components/share/page-section";

/** The system prompt exactly as the version compiled it, ready to copy. */
export function SharedPrompt({ prompt, handWritten }: { prompt: string; handWritten: boolean }) {
  const words = prompt.trim() ? prompt.trim().split(/\s+/).length : 0;
  return (
    <PageSection id="prompt" title="System prompt" description="What a model is given to play this persona.">
      <Card className="overflow-hidden">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
          <div className="flex items-center gap-2">
            <Badge tone={handWritten ? "amber" : "brand"}>{handWritten ? "hand-written" : "compiled"}</Badge>
            <span className="text-xs tabular-nums text-slate-500">{words} words · {prompt.length} chars</span>
          </div>
          <CopyButton text={prompt} selectId="shared-prompt-text" label="Copy prompt" variant="ghost" />
        </div>
        <pre
          id="shared-prompt-text"
          className="max-h-[32rem] overflow-auto px-4 py-3 font-mono text-[12.5px] leading-relaxed whitespace-pre-wrap break-words text-slate-700"
          data-testid="shared-prompt"
          tabIndex={0}
          role="region"
          aria-label="System prompt"
        >
          {prompt}
        </pre>
      </Card>
    </PageSection>
  );
}
