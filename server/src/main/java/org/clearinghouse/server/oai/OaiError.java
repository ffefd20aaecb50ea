package org.clearinghouse.server.oai;

/** One OAI-PMH error condition (protocol section 3.6): its code and a message for people. */
public record OaiError(Code code, String message) {

    /** Every error code of the protocol. */
    public enum Code {
        BAD_ARGUMENT("badArgument"),
        BAD_RESUMPTION_TOKEN("badResumptionToken"),
        BAD_VERB("badVerb"),
        CANNOT_DISSEMINATE_FORMAT("cannotDisseminateFormat"),
        ID_DOES_NOT_EXIST("idDoesNotExist"),
        NO_RECORDS_MATCH("noRecordsMatch"),
        /** Never answered here: every item is available as oai_dc. */
        NO_METADATA_FORMATS("noMetadataFormats"),
        /** Never answered here: the repository has sets. */
        NO_SET_HIERARCHY("noSetHierarchy");

        private final String xml;

        Code(String xml) {
            this.xml = xml;
        }

        /** The code as written in the {@code code} attribute. */
        public String xml() {
            return xml;
        }
    }
}
