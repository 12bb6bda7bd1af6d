namespace AcmDr.FakeKube;
