#!/bin/sh
echo "migrating: $*"
sleep 6
echo "migrations applied"
