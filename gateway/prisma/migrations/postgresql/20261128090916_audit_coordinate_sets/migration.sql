-- AlterTable
ALTER TABLE "AuditRecord" ADD COLUMN     "coordinateSetId" TEXT,
ALTER COLUMN "coordinates" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AuditCoordinateSet" (
    "id" TEXT NOT NULL,
    "coordinates" TEXT NOT NULL,

    CONSTRAINT "AuditCoordinateSet_pkey" PRIMARY KEY ("id")
);
