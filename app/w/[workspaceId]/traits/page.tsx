import { TraitLibraryPage } from "@/components/probes/trait-library";

export const metadata = { title: "Trait library" };

export default function Page() {
  return <TraitLibraryPage />;
}
