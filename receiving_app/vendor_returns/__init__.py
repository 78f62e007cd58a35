"""Vendor-return (RTV) batches: collecting routed units, closing with cartons and SSCCs, shipping."""
