-- CreateTable
CREATE TABLE "AuditCoordinateSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coordinates" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL,
    "applicationId" TEXT,
    "userSubjectHash" TEXT,
    "operationName" TEXT,
    "operationHash" TEXT NOT NULL,
    "coordinates" TEXT,
    "coordinateSetId" TEXT,
    "maxGrade" TEXT NOT NULL,
    "purpose" TEXT,
    "outcome" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "subgraphs" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT,
    "action" TEXT
);
INSERT INTO "new_AuditRecord" ("action", "actor", "applicationId", "at", "coordinates", "durationMs", "id", "kind", "maxGrade", "operationHash", "operationName", "outcome", "purpose", "requestId", "subgraphs", "userSubjectHash") SELECT "action", "actor", "applicationId", "at", "coordinates", "durationMs", "id", "kind", "maxGrade", "operationHash", "operationName", "outcome", "purpose", "requestId", "subgraphs", "userSubjectHash" FROM "AuditRecord";
DROP TABLE "AuditRecord";
ALTER TABLE "new_AuditRecord" RENAME TO "AuditRecord";
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");
CREATE INDEX "AuditRecord_applicationId_at_idx" ON "AuditRecord"("applicationId", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
