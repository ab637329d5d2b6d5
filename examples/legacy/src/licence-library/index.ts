export { createLicenceLibrary, type LicenceLibraryOptions, type LicenceLibraryHandle } from './create-licence-library';
export {
  DEFAULT_LICENCE_LIBRARY_SCHEMA,
  LICENCE_LIBRARY_SCHEMA_VERSION,
  LICENCE_COLUMNS,
  LICENCE_TYPE_COLUMNS,
} from './licence-library-schema';
export { parseLicenceDbUrl, type LicenceDbLocation } from './parse-licence-db-url';
export { licenceDataFingerprint, type LicenceLibraryData } from './licence-rows';
