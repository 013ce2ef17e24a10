-- Authors can edit their comments; the flag shows "edited".
ALTER TABLE "Comment" ADD COLUMN "editedByAuthor" BOOLEAN NOT NULL DEFAULT false;
