-- The bytes of pictures' originals, in the database so that every node reads them (see V59).
CREATE TABLE picture_originals (
    original_key VARCHAR(32)  PRIMARY KEY,
    sha256       VARCHAR(64)  NOT NULL,
    media_type   VARCHAR(32)  NOT NULL,
    byte_size    BIGINT       NOT NULL,
    bytes        BINARY LARGE OBJECT NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
