// Council of High Intelligence files (github.com/0xNyk/council-of-high-intelligence):
// member files (Markdown + YAML front matter, body = system prompt) and seat plans.
// Pure and browser-safe, like the rest of lib/interop.

export { MEMBER_NAME_PREFIX, memberKey, newMember, parseMemberFile, writeMemberFile, type CouncilMember, type MemberParse } from "@/lib/interop/council/member";
export { parseSeatPlan, writeSeatPlan, type SeatPlan, type SeatPlanParse } from "@/lib/interop/council/seat-plan";
export { validateCouncil, type CouncilValidation, type CouncilValidationOptions } from "@/lib/interop/council/validate";
export { memberSlug, memberToSpec, specToMember, type MemberSpec } from "@/lib/interop/council/persona";
export { councilIssuesError, formatIssue } from "@/lib/interop/council/issues";
