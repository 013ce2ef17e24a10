export { buildJudgeRequest, type JudgeRequestInput } from "@/lib/probing/judge/build-judge-request";
export { parseJudgeOutput, type JudgeOutput, type JudgeScores } from "@/lib/probing/judge/parse-judge-output";
export { judgeSchema, JUDGE_SCHEMA_NAME } from "@/lib/probing/judge/schema";
export { judgeSystemPrompt, JUDGE_PROMPT_VERSION } from "@/lib/probing/judge/prompt";
export { escapeFenceTags, fence } from "@/lib/probing/judge/fence";
export { shuffled } from "@/lib/probing/judge/shuffle";
